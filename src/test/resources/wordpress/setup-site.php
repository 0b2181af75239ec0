<?php
define('ABSPATH', getenv('SC_WP_ROOT') . '/');
// Installs the test site and writes its posts: one with the card's permalink alone on a line
// (classic auto-embed), one with the block editor's embed block. Prints the two post ids.
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = parse_url(getenv('SC_WP_URL'), PHP_URL_HOST);
$_SERVER['REQUEST_URI'] = '/';
require_once ABSPATH . 'wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('Stat Callouts test site', 'admin', 'admin@example.org', true, '', 'not-a-secret-password');
switch_theme('twentytwentyone');
$url = getenv('SC_PERMALINK');
$classic = wp_insert_post(['post_title' => 'Classic', 'post_content' => "Before the card.\n\n$url\n\nAfter the card.", 'post_status' => 'publish']);
$block = wp_insert_post(['post_title' => 'Block', 'post_status' => 'publish', 'post_content' =>
    "<!-- wp:paragraph --><p>Before the card.</p><!-- /wp:paragraph -->\n"
    . "<!-- wp:embed {\"url\":\"$url\",\"type\":\"rich\",\"providerNameSlug\":\"stat-callouts\"} -->\n"
    . "<figure class=\"wp-block-embed is-type-rich is-provider-stat-callouts wp-block-embed-stat-callouts\"><div class=\"wp-block-embed__wrapper\">\n$url\n</div></figure>\n"
    . "<!-- /wp:embed -->\n<!-- wp:paragraph --><p>After the card.</p><!-- /wp:paragraph -->"]);
echo "$classic $block\n";
