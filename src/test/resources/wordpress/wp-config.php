<?php
// The test site's configuration: MariaDB on 127.0.0.1, its own database, content beside it.
define('DB_NAME', getenv('SC_WP_DB'));
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', '127.0.0.1:3306');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_CONTENT_DIR', ABSPATH . 'wp-content');
define('WP_HOME', getenv('SC_WP_URL'));
define('WP_SITEURL', getenv('SC_WP_URL'));
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', false);
define('DISABLE_WP_CRON', true);
foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'] as $key) {
    define($key, 'stat-callouts-test-' . $key);
}
$table_prefix = 'wp_';
require_once ABSPATH . 'wp-settings.php';
