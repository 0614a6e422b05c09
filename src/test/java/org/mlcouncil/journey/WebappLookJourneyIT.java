package org.mlcouncil.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlcouncil.support.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The stock webapps carry the platform's name and logo (Camunda's config.js and user-styles.css),
 * end users see no "migrate to Camunda 8" banner and no "Create task", and a signed-in user who
 * opens what their role does not include reads what they may do instead of a white-label page.
 */
@IntegrationTest
class WebappLookJourneyIT extends BrowserJourney {

  private static final By BANNER = By.cssSelector(".ce-eol-banner");
  private static final By BRAND = By.cssSelector(".app-banner .brand-name");
  private static final Duration APP_LOAD = Duration.ofSeconds(90);

  @Test
  void loginAndTasklistShowThePlatformAndNoBannerOrCreateTask() {
    ResponseEntity<String> logo = rest.getForEntity("/camunda/app/ml-council/logo.svg", String.class);
    assertThat(logo.getStatusCode()).as("the logo is served before anyone signs in").isEqualTo(HttpStatus.OK);
    assertThat(logo.getBody()).contains("ML Council");

    tasklist.openUrl("http://localhost:" + port + "/camunda/app/tasklist/default/");
    WebElement loginLogo = tasklist.waiting().until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".login-logo")));
    tasklist.waiting().until(driver -> style(driver, loginLogo, "backgroundImage").contains("ml-council/logo.svg"));
    assertThat(loginLogo.findElements(By.tagName("svg"))).as("Camunda's logo is hidden").allMatch(svg -> !svg.isDisplayed());
    tasklist.screenshot("webapp-look-01-branded-login");

    tasklist.loginAs("paul");
    assertThat(tasklist.waiting().until(ExpectedConditions.visibilityOfElementLocated(BRAND)).getText())
        .isEqualTo("ML Council Tasklist");
    tasklist.waiting().until(driver -> driver.getTitle().equals("ML Council Tasklist"));
    assertNoBanner();
    List<WebElement> createTask = tasklist.waiting().until(driver -> driver.findElements(By.cssSelector(".create-task-action")));
    assertThat(createTask).as("no standalone tasks for practitioners").noneMatch(WebElement::isDisplayed);
    tasklist.screenshot("webapp-look-02-tasklist-no-banner");
  }

  @Test
  void aPractitionerOpeningCockpitReadsWhatTheyMayDoInstead() {
    tasklist.loginAs("paul");
    tasklist.openUrl("http://localhost:" + port + "/camunda/app/cockpit/default/");

    tasklist.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"),
        "This page is not part of your role"));
    assertThat(tasklist.pageText()).contains("Go to Tasklist", "Cockpit: read processes", "ask an administrator")
        .doesNotContain("Whitelabel");
    tasklist.screenshot("webapp-look-03-forbidden-page");
  }

  @Test
  void cockpitAndAdminCarryThePlatformsName() {
    tasklist.loginAs("demo");
    for (String app : new String[] {"cockpit", "admin"}) {
      tasklist.openUrl("http://localhost:" + port + "/camunda/app/" + app + "/default/");
      String expected = "ML Council " + Character.toUpperCase(app.charAt(0)) + app.substring(1);
      // Cockpit's and Admin's first load fetch large bundles: on a busy machine this takes more than 20 s.
      tasklist.waiting(APP_LOAD).until(ExpectedConditions.textToBePresentInElementLocated(BRAND, expected));
      assertNoBanner();
      tasklist.screenshot("webapp-look-04-" + app);
    }
  }

  private void assertNoBanner() {
    List<WebElement> banner = tasklist.waiting().until(driver -> driver.findElements(BANNER));
    assertThat(banner).as("no 'migrate to Camunda 8' banner").noneMatch(WebElement::isDisplayed);
  }

  private static String style(WebDriver driver, WebElement element, String property) {
    return String.valueOf(((JavascriptExecutor) driver).executeScript(
        "return window.getComputedStyle(arguments[0])[arguments[1]];", element, property));
  }
}
