package org.mlcouncil.directory;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Which e-mail addresses the platform accepts, wherever one enters it (a submission's people to
 * keep informed, a user's profile) and before every mail: exactly one plain address as RFC 822
 * reads it strictly. A display name, a group, a route, a second address or a domain literal is
 * refused, so what a person typed is exactly where the mail goes, and one bad address can never
 * stop a mail to everyone else.
 */
public final class MailAddresses {

  /** The longest address SMTP can carry (RFC 5321: 256 octets including the angle brackets). */
  public static final int MAX_LENGTH = 254;

  private MailAddresses() {
  }

  public static boolean isValid(String address) {
    if (address == null || address.isEmpty() || address.length() > MAX_LENGTH) {
      return false;
    }
    try {
      InternetAddress[] parsed = InternetAddress.parse(address, true);
      if (parsed.length != 1 || parsed[0].isGroup() || parsed[0].getPersonal() != null) {
        return false;
      }
      parsed[0].validate();
      String plain = parsed[0].getAddress();
      int at = plain.lastIndexOf('@');
      return plain.equals(address) && at > 0 && at < plain.length() - 1 && plain.charAt(at + 1) != '[';
    } catch (AddressException e) {
      return false;
    }
  }
}
