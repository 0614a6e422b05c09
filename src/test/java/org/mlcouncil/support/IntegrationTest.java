package org.mlcouncil.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * An integration test against the whole application on a random port, on the JVM's real
 * PostgreSQL and GreenMail servers. Every test class carrying it shares one Spring context:
 * do not add per-class configuration, or the suite starts a second context. Process test
 * coverage reports land in {@code target/process-test-coverage/<test class>/}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestInfrastructure.class)
@ActiveProfiles("it")
@Import(ProcessEngineCoverageConfiguration.class)
public @interface IntegrationTest {
}
