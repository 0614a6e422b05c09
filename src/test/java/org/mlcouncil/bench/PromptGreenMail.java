package org.mlcouncil.bench;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;

/**
 * GreenMail with Nagle's algorithm off on its SMTP connections. GreenMail writes each line of a
 * multi-line reply as a packet of its own; with Nagle on, the second line waits for the client's
 * delayed acknowledgement, and every EHLO took 43 ms (the flight recording of a 200-item ML Review
 * showed the mail senders waiting there, their CPU idle). SMTP servers write a reply at once, so
 * without this the benchmark would measure GreenMail, not the platform.
 */
final class PromptGreenMail extends GreenMail {

  PromptGreenMail(ServerSetup setup) {
    super(setup);
  }

  @Override
  protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
    Map<String, AbstractServer> services = super.createServices(config, managers);
    for (ServerSetup setup : config) {
      if (ServerSetup.PROTOCOL_SMTP.equals(setup.getProtocol())) {
        services.put(setup.getProtocol(), new PromptSmtpServer(setup, managers));
      }
    }
    return services;
  }

  private static final class PromptSmtpServer extends SmtpServer {

    PromptSmtpServer(ServerSetup setup, Managers managers) {
      super(setup, managers);
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket client) {
      try {
        client.setTcpNoDelay(true);
      } catch (SocketException e) {
        throw new UncheckedIOException(e);
      }
      return super.createProtocolHandler(client);
    }
  }
}
