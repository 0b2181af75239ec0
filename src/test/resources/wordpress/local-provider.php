<?php
// Must-use plugin of the test site: our service runs on localhost at a test port, which
// WordPress's safe HTTP client refuses by default (it fetches only public hosts on ports
// 80, 443 and 8080). A real site embeds from a public https origin and needs none of this.
add_filter('http_request_host_is_external', '__return_true');
add_filter('http_allowed_safe_ports', function ($ports) {
    $ports[] = (int) getenv('SC_SERVICE_PORT');
    return $ports;
});
