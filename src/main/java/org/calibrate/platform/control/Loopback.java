package org.calibrate.platform.control;

/** Loopback hosts, the only place where plain HTTP endpoints are tolerated (one-machine development and tests). */
public final class Loopback {
    private Loopback() {
    }

    public static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase();
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || h.matches("127(\\.\\d{1,3}){3}");
    }
}
