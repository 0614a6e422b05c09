package org.mlcouncil.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * An integration test of the platform with the company directory (LDAP) as its user store, on
 * the JVM's real PostgreSQL, GreenMail and in-memory LDAP servers ({@link LdapTestInfrastructure}).
 * The identity provider differs from the suite's, so these tests share one Spring context of
 * their own: every class carrying it shares that one; add no per-class configuration.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {TestInfrastructure.class, LdapTestInfrastructure.class})
@ActiveProfiles("it")
public @interface LdapIntegrationTest {
}
