package dev.statcallouts.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Where a webhook may be sent: an http(s) URL whose host resolves only to public addresses,
 * unless private targets are allowed by configuration. The address checked is the one connected
 * to ({@link #resolve}), so a name that resolves differently later cannot point a delivery
 * inside the network.
 */
@ApplicationScoped
public class WebhookTargets {

    @Inject
    WebhookConfig config;

    /** A URL that is not a webhook target, with the reason in words for the admin. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The parsed URL, if it is one a webhook may have (checked without resolving it). */
    public static URI parse(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new Refused("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new Refused("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not carry a user name or password (sign with the secret instead)");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("must not have a #fragment");
        }
        return uri;
    }

    /** The address to connect to for this URL; refused if any address of its host is not allowed. */
    public InetAddress resolve(URI uri) throws Refused {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new Refused("names a host that does not resolve: " + uri.getHost());
        }
        if (!config.allowPrivateTargets()) {
            for (InetAddress address : addresses) {
                if (isPrivate(address)) {
                    throw new Refused("resolves to a private, loopback or link-local address ("
                            + address.getHostAddress()
                            + "), which webhooks are not sent to");
                }
            }
        }
        return addresses[0];
    }

    /** Loopback, private, link-local, carrier-grade NAT, unique-local, multicast or unspecified. */
    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            // An IPv4 address written as IPv6 (::ffff:a.b.c.d, 64:ff9b::a.b.c.d) is judged as IPv4.
            boolean mapped = b[10] == (byte) 0xff && b[11] == (byte) 0xff && allZero(b, 0, 10);
            boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
            if (mapped || nat64) {
                try {
                    return isPrivate(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException impossible) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
