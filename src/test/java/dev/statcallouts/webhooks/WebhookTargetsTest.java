package dev.statcallouts.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.8.9.10",
                "10.1.2.3",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254",
                "0.0.0.0",
                "100.64.0.1",
                "100.127.255.254",
                "198.18.0.1",
                "224.0.0.1",
                "255.255.255.255",
                "::1",
                "::",
                "fe80::1",
                "fc00::1",
                "fd12:3456::1",
                "::ffff:127.0.0.1",
                "::ffff:10.0.0.1",
                "64:ff9b::a9fe:a9fe",
                "ff02::1"
            })
    void privateLoopbackAndLinkLocalAddressesAreNotTargets(String address) throws Exception {
        assertThat(WebhookTargets.isPrivate(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"93.184.215.14", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8"})
    void publicAddressesAre(String address) throws Exception {
        assertThat(WebhookTargets.isPrivate(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://example.com/hook",
                "file:///etc/passwd",
                "https://user:pw@example.com/hook",
                "https:///nohost",
                "https://example.com/hook#part",
                "not a url",
                "gopher://example.com"
            })
    void onlyPlainHttpUrlsAreAccepted(String url) {
        assertThatThrownBy(() -> WebhookTargets.parse(url)).isInstanceOf(WebhookTargets.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://localhost:8080/hook", "http://127.0.0.1/", "http://169.254.169.254/latest/meta-data",
                "http://[::1]:9000/q/metrics", "http://10.0.0.5/", "http://0x7f000001/"
            })
    void aNameOrAddressInsideTheNetworkIsRefusedAsShipped(String url) {
        WebhookTargets targets = new WebhookTargets();
        targets.config = (WebhookConfig) Proxy.newProxyInstance(
                WebhookConfig.class.getClassLoader(),
                new Class<?>[] {WebhookConfig.class},
                (proxy, method, args) -> method.getName().equals("allowPrivateTargets") ? false : null);
        assertThatThrownBy(() -> targets.resolve(WebhookTargets.parse(url)))
                .isInstanceOf(WebhookTargets.Refused.class)
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("private", "does not resolve"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com/stat-callouts?site=1", "http://93.184.215.14:8443/x"})
    void aPublicUrlIsParsed(String url) throws Exception {
        assertThat(WebhookTargets.parse(url)).isEqualTo(URI.create(url));
    }
}
