package org.mlcouncil.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mlcouncil.notification.MailModelExtension;
import org.mlcouncil.platform.PublicLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One-time links with which a new user sets their own password: nobody, not even an
 * administrator, ever knows a new user's password, and no password is shared or mailed.
 *
 * <p>A link is made when its welcome mail is composed (template {@value #TEMPLATE}), so its
 * secret never sits in a process variable or the history; only its SHA-256 and expiry are kept,
 * in the user's info. Making a new link (a mail sent again) replaces the old one; setting the
 * password removes it, so each link works once.
 */
@Component
public class AccountActivation implements MailModelExtension {

  static final String TEMPLATE = "welcome";
  private static final String INFO_KEY = "mlcouncil.activation";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PASSWORD_CHARACTERS = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private final IdentityService identityService;
  private final PublicLinks links;
  private final Duration validFor;

  public AccountActivation(IdentityService identityService, PublicLinks links,
                           @Value("${mlcouncil.account.activation-valid-for:P7D}") Duration validFor) {
    this.identityService = identityService;
    this.links = links;
    this.validFor = validFor;
  }

  /** What became of an activation. */
  public enum Outcome { ACTIVATED, WEAK_PASSWORD, INVALID_LINK }

  @Override
  public void extend(String template, Map<String, Object> model) {
    if (TEMPLATE.equals(template) && model.get("userId") instanceof String userId) {
      model.put("activationLink", links.accountActivation(issue(userId)));
      model.put("activationValidDays", validFor.toDays());
    }
  }

  /** A new link's token for the user, replacing any earlier one. */
  String issue(String userId) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = userId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    long expiresAt = ClockUtil.getCurrentTime().getTime() + validFor.toMillis();
    identityService.setUserInfo(userId, INFO_KEY, sha256(token) + "|" + expiresAt);
    return token;
  }

  /** Sets the password of the user the token was issued to, once, before the link expires. */
  public Outcome activate(String token, String password) {
    int dot = token == null ? -1 : token.indexOf('.');
    if (dot <= 0) {
      return Outcome.INVALID_LINK;
    }
    String userId = token.substring(0, dot);
    String stored = identityService.getUserInfo(userId, INFO_KEY);
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (stored == null || user == null) {
      return Outcome.INVALID_LINK;
    }
    String[] hashAndExpiry = stored.split("\\|");
    boolean matches = MessageDigest.isEqual(sha256(token).getBytes(StandardCharsets.US_ASCII),
        hashAndExpiry[0].getBytes(StandardCharsets.US_ASCII));
    if (!matches || ClockUtil.getCurrentTime().getTime() > Long.parseLong(hashAndExpiry[1])) {
      return Outcome.INVALID_LINK;
    }
    user.setPassword(password);
    try {
      identityService.saveUser(user);
    } catch (ProcessEngineException e) {
      if (PasswordRules.isPolicyRefusal(e)) {
        return Outcome.WEAK_PASSWORD;
      }
      throw e;
    }
    identityService.deleteUserInfo(userId, INFO_KEY);
    // Wrong guesses at the password nobody knew slowed the account down; the owner starts afresh.
    identityService.unlockUser(userId);
    return Outcome.ACTIVATED;
  }

  /**
   * A password nobody knows, meeting the policy, for a user who has not set theirs yet: the
   * account exists (and receives mail) but nobody can log in to it before its activation.
   */
  public static String unknowablePassword(User user) {
    String password;
    do {
      StringBuilder random = new StringBuilder("Aa1!");
      for (int i = 0; i < 28; i++) {
        random.append(PASSWORD_CHARACTERS.charAt(RANDOM.nextInt(PASSWORD_CHARACTERS.length())));
      }
      password = random.toString();
      // A short user id or name may turn up in random letters, which the policy refuses.
    } while (!PasswordRules.allows(password, user));
    return password;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
