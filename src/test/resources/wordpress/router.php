<?php
// Router for PHP's built-in server in front of Debian's WordPress (/usr/share/wordpress), seen
// through a directory of symbolic links that holds this test's own wp-config.php: ABSPATH is
// that directory, so WordPress reads this configuration and not /etc/wordpress.
define('ABSPATH', getenv('SC_WP_ROOT') . '/');
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$file = ABSPATH . ltrim($path, '/');
if ($path !== '/' && is_file($file) && substr($file, -4) !== '.php') {
    return false;
}
if (is_dir($file) && is_file($file . '/index.php')) {
    $file = rtrim($file, '/') . '/index.php';
}
if (!is_file($file) || substr($file, -4) !== '.php') {
    $file = ABSPATH . 'index.php';
}
$_SERVER['SCRIPT_FILENAME'] = $file;
$_SERVER['SCRIPT_NAME'] = '/' . substr($file, strlen(ABSPATH));
$_SERVER['PHP_SELF'] = $_SERVER['SCRIPT_NAME'];
chdir(dirname($file));
require $file;
