package no.samhandling.notification.delivery;

import no.samhandling.events.notification.Channel;

/** Masked addresses, enough for a coordinator to tell two recipients apart and never enough to contact them. */
final class Addresses {

    private Addresses() {
    }

    static String mask(Channel channel, String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        if (channel == Channel.SMS) {
            int visible = Math.min(2, address.length());
            String prefix = address.startsWith("+") && address.length() > 5 ? address.substring(0, 3) : "";
            return prefix + "*".repeat(Math.max(0, address.length() - prefix.length() - visible))
                    + address.substring(address.length() - visible);
        }
        int at = address.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        String domain = address.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        String top = dot >= 0 ? domain.substring(dot) : "";
        return address.charAt(0) + "***@" + (domain.isEmpty() ? "" : domain.charAt(0) + "***") + top;
    }
}
