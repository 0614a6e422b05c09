package org.mlcouncil.platform;

import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says at start-up which base URL mails put in front of every link
 * ({@code mlcouncil.public-base-url}), and warns in the default profile when it does not name the
 * port the platform listens on: started on another port, every link in every mail would lead
 * nowhere. Other profiles run behind a proxy, whose port rightly differs.
 */
@Component
class PublicBaseUrlCheck implements ApplicationListener<WebServerInitializedEvent> {

  private static final Logger log = LoggerFactory.getLogger(PublicBaseUrlCheck.class);

  private final PublicLinks links;
  private final Environment environment;

  PublicBaseUrlCheck(PublicLinks links, Environment environment) {
    this.links = links;
    this.environment = environment;
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() != null) {
      return; // a separate management server, which mails never link to
    }
    int port = event.getWebServer().getPort();
    log.info("Links in mails start with {} (mlcouncil.public-base-url)", links.baseUrl());
    if (environment.getActiveProfiles().length == 0) {
      mismatch(links.baseUrl(), port).ifPresent(log::warn);
    }
  }

  /** The warning, when the base URL's port is not the one the platform listens on. */
  static Optional<String> mismatch(String baseUrl, int listeningPort) {
    URI uri;
    try {
      uri = URI.create(baseUrl);
    } catch (IllegalArgumentException e) {
      return Optional.of("mlcouncil.public-base-url '" + baseUrl + "' is not a URL: links in mails will not work");
    }
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    return port == listeningPort ? Optional.empty() : Optional.of("Links in mails point to port " + port + " ("
        + baseUrl + ") but the platform listens on port " + listeningPort
        + ": set mlcouncil.public-base-url (MLCOUNCIL_PUBLIC_BASE_URL) to the address people reach it at");
  }
}
