package org.mlcouncil;

import javax.xml.datatype.DatatypeFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MlCouncilApplication {

  /**
   * Jakarta Mail looks up its stream provider for every message part it creates or writes; without
   * this property each lookup is a ServiceLoader scan of every jar in the application, which the
   * benchmark's profile showed as a fifth of the mail senders' CPU.
   */
  static final String MAIL_STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  public static void main(String[] args) {
    if (System.getProperty(MAIL_STREAM_PROVIDER) == null) {
      System.setProperty(MAIL_STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
    }
    // The same for the engine's timers: each duration it reads (a review's reminder, a vote's
    // deadline) creates a DatatypeFactory, which otherwise scans every jar for a provider first.
    if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
      System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    }
    SpringApplication.run(MlCouncilApplication.class, args);
  }
}
