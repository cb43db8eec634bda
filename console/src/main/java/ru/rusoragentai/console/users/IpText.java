package ru.rusoragentai.console.users;

import java.net.InetAddress;
import java.net.UnknownHostException;

final class IpText {

    private IpText() {
    }

    static String of(byte[] address) {
        if (address == null) {
            return "";
        }
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            return "?";
        }
    }
}
