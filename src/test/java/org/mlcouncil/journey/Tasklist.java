package org.mlcouncil.journey;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The stock Camunda Tasklist in headless Chromium, driven the way a person uses it: log in,
 * start a process from the Start process dialog, fill a Camunda Form by its labels, claim and
 * complete tasks. Fields are found by their visible labels, never by generated ids.
 */
public class Tasklist implements AutoCloseable {

  private static final Path SCREENSHOTS = Path.of("target", "journeys");
  private static final Duration SETTLE = Duration.ofMillis(700);
  private static final By START_BUTTON =
      By.xpath("//div[contains(@class,'modal-dialog')]//button[normalize-space(.)='Start']");
  private static final Pattern TASK_IN_URL = Pattern.compile("[?&]task=([0-9a-fA-F-]+)");

  private final WebDriver driver;
  private final WebDriverWait wait;
  private final String baseUrl;
  private final String engine;
  private String openTaskName;

  public Tasklist(String baseUrl) {
    this(baseUrl, "default");
  }

  /** Tasklist of the engine of that name (the LDAP tests' context runs one named {@code ldap}). */
  public Tasklist(String baseUrl, String engine) {
    this.baseUrl = baseUrl;
    this.engine = engine;
    ChromeOptions options = new ChromeOptions();
    options.setBinary(ChromiumAvailable.CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1400,1000", "--user-data-dir=" + tempDir());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(ChromiumAvailable.CHROMEDRIVER.toFile()).build();
    this.driver = new ChromeDriver(service, options);
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  public void loginAs(String user) {
    loginAs(user, "demo");
  }

  public void loginAs(String user, String secret) {
    driver.get(baseUrl + "/camunda/app/tasklist/" + engine + "/");
    By usernameField = By.cssSelector("form[name='signinForm'] input[ng-model='username']");
    By passwordField = By.cssSelector("form[name='signinForm'] input[ng-model='password']");
    wait.until(ExpectedConditions.visibilityOfElementLocated(usernameField));
    // Tasklist focuses the user name field once its page has settled, which on a busy machine can
    // come while the password is typed and send it into the user name: type until both hold.
    wait.until(page -> {
      WebElement username = page.findElement(usernameField);
      WebElement password = page.findElement(passwordField);
      username.clear();
      username.sendKeys(user);
      password.clear();
      password.sendKeys(secret);
      return user.equals(username.getDomProperty("value")) && secret.equals(password.getDomProperty("value"));
    });
    driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.start-process-action a")));
  }

  /** Ends the session and leaves the page, so no dialog or form of the last user survives. */
  public void logout() {
    // Cookies belong to the page's site: drop them there, then leave the page.
    driver.manage().deleteAllCookies();
    driver.get("about:blank");
  }

  /** Opens the Start process dialog and chooses the process by its name. */
  public void startProcess(String processName) {
    click(By.cssSelector("li.start-process-action a"));
    WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".modal-dialog input[ng-model='searchProcess.name'], .modal-dialog input[type='text']")));
    search.sendKeys(processName);
    click(By.xpath("//div[contains(@class,'modal-dialog')]//a[normalize-space(.)=" + literal(processName) + "]"));
    waitForForm();
  }

  /** The names in the Start process dialog, to show what a user may start. */
  public List<String> startableProcesses() {
    click(By.cssSelector("li.start-process-action a"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    List<String> names = wait.until(driver -> {
      List<WebElement> links = driver.findElements(By.cssSelector(".modal-dialog .processes a, .modal-dialog li a"));
      return links.isEmpty() ? null : links.stream().map(WebElement::getText).filter(text -> !text.isBlank()).toList();
    });
    driver.findElement(By.cssSelector("body")).sendKeys(Keys.ESCAPE);
    return names;
  }

  public void fillField(String label, String value) {
    WebElement field = field(label);
    String tag = field.getTagName();
    String type = field.getAttribute("type");
    if ("select".equals(tag) || field.getAttribute("class").contains("fjs-select")) {
      field.click();
      click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)=" + literal(value) + "]"));
    } else if ("checkbox".equals(type) || "radio".equals(type)) {
      throw new IllegalArgumentException("use choose(label, option) or tick(label) for " + label);
    } else {
      field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      field.sendKeys(value);
      // form-js debounces typing, and a change of another field inside that window can undo this
      // one: leave the field and let the value settle before the next one.
      field.sendKeys(Keys.TAB);
      await().during(SETTLE).atMost(Duration.ofSeconds(10)).ignoreExceptions()
          .until(() -> value.equals(field.getAttribute("value")));
    }
  }

  /** Chooses an option of a radio group or a select by its visible text. */
  public void choose(String label, String option) {
    WebElement group = fieldContainer(label);
    List<WebElement> radios = group.findElements(By.xpath(".//label[normalize-space(.)=" + literal(option) + "]"));
    if (!radios.isEmpty()) {
      clickElement(radios.get(0));
      return;
    }
    // Tabbing into a select may already have opened its list; clicking again would close it.
    if (group.findElements(By.cssSelector(".fjs-dropdownlist")).isEmpty()) {
      clickElement(group.findElement(By.cssSelector("input, .fjs-input-group")));
    }
    clickElement(group.findElement(By.xpath(".//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)="
        + literal(option) + "]")));
  }

  /** The options a select offers, as shown when it is opened; it stays open for {@link #choose}. */
  public List<String> options(String label) {
    WebElement group = fieldContainer(label);
    if (group.findElements(By.cssSelector(".fjs-dropdownlist")).isEmpty()) {
      clickElement(group.findElement(By.cssSelector("input, .fjs-input-group")));
    }
    List<String> options = wait.until(page -> {
      List<WebElement> items = group.findElements(By.cssSelector(".fjs-dropdownlist-item"));
      return items.isEmpty() ? null : items.stream().map(WebElement::getText).toList();
    });
    return options;
  }

  /** Ticks a checkbox, or an option of a checklist when one is given. */
  public void tick(String label, String... options) {
    WebElement group = fieldContainer(label);
    if (options.length == 0) {
      clickElement(group.findElement(By.cssSelector("input[type='checkbox']")));
      return;
    }
    for (String option : options) {
      clickElement(group.findElement(By.xpath(".//label[normalize-space(.)=" + literal(option) + "]")));
    }
  }

  public void submitStartForm() {
    click(START_BUTTON);
  }

  /** Presses Start as a user would, even when the form has marked fields as invalid. */
  public void trySubmitStartForm() {
    clickElement(driver.findElement(START_BUTTON));
  }

  /** Validation messages form-js shows under the fields. */
  public List<String> validationMessages() {
    return driver.findElements(By.cssSelector(".fjs-form-field-error")).stream()
        .map(WebElement::getText).filter(text -> !text.isBlank()).toList();
  }

  /** The notifications Tasklist shows now, without waiting for one. */
  public List<String> notificationsShown() {
    return driver.findElements(By.cssSelector(".notifications .notification, .alert")).stream()
        .map(WebElement::getText).filter(text -> !text.isBlank()).toList();
  }

  /** Waits for Tasklist to show a notification, e.g. an error from the server, containing the text. */
  public String notification(String containing) {
    WebElement notification = wait.until(driver -> driver.findElements(By.cssSelector(".notifications .notification, .alert"))
        .stream().filter(element -> element.getText().contains(containing)).findFirst().orElse(null));
    // Where a person looks for it: a long start form's dialog may be scrolled past it.
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", notification);
    return notification.getText();
  }

  public void openFilter(String filterName) {
    // The link also holds the filter's (hidden) task counter.
    click(By.xpath("//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[normalize-space(text()[1])="
        + literal(filterName) + "]"));
  }

  /**
   * Opens the first task that asks that ("Review proposal") in the current filter, whichever item
   * its name goes on to name ("Review proposal MLP-2026-0007: …"). Tasklist does not poll for new
   * tasks, so the page is reloaded, as a person would, until the task shows up.
   */
  public void openTask(String taskName) {
    openTaskName = taskName;
    // Task names go on with the item's key and title: "Review proposal" or "Review proposal MLP-2026-0007"
    // finds "Review proposal MLP-2026-0007: Smarter ETA".
    By task = By.xpath("//ol[contains(@class,'tasks-list')]/li//h4/a[normalize-space(.)=" + literal(taskName)
        + " or starts-with(normalize-space(.), " + literal(taskName + " ") + ")"
        + " or starts-with(normalize-space(.), " + literal(taskName + ":") + ")]");
    WebDriverWait shortWait = new WebDriverWait(driver, Duration.ofSeconds(4));
    for (int attempt = 1; ; attempt++) {
      try {
        shortWait.until(ExpectedConditions.elementToBeClickable(task)).click();
        waitForForm();
        return;
      } catch (org.openqa.selenium.TimeoutException | StaleElementReferenceException notYet) {
        if (attempt == 8) {
          throw notYet;
        }
        driver.navigate().refresh();
      }
    }
  }

  public void openUrl(String url) {
    driver.get(url);
  }

  /**
   * On the page of a welcome mail's link (not Tasklist's own, but where a new person starts),
   * chooses the password twice and saves it; returns what the page then says.
   */
  public String setOwnPassword(String activationUrl, String password) {
    // The same address again would only move to its fragment and keep what was typed: load it afresh.
    driver.get("about:blank");
    driver.get(activationUrl);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password"))).sendKeys(password);
    driver.findElement(By.id("repeat")).sendKeys(password);
    driver.findElement(By.id("save")).click();
    return wait.until(page -> {
      String said = page.findElement(By.id("result")).getText();
      return said.isBlank() ? null : said;
    });
  }

  /** Clicks Claim without expecting success, e.g. where the server refuses it. */
  public void tryToClaim() {
    click(By.cssSelector("button.claim"));
  }

  /** Claims the open task; Tasklist may deselect it while its list refreshes, so it is reopened then. */
  public void claim() {
    click(By.cssSelector("button.claim"));
    By claimed = By.cssSelector("button.unclaim, [ng-click='unclaim()']");
    wait.until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(claimed),
        ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-form"))));
    if (driver.findElements(claimed).isEmpty()) {
      openTask(openTaskName);
      wait.until(ExpectedConditions.presenceOfElementLocated(claimed));
    }
    waitForForm();
  }

  /**
   * Completes the open task and waits until Tasklist has let go of it: until then its form and
   * its entry in the list stay on screen, and the next click could open the completed task.
   */
  public void complete() {
    Matcher openTask = TASK_IN_URL.matcher(driver.getCurrentUrl());
    click(By.cssSelector("button[ng-click='complete()']"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-form")));
    if (openTask.find()) {
      wait.until(ExpectedConditions.invisibilityOfElementLocated(
          By.xpath("//ol[contains(@class,'tasks-list')]//a[contains(@href," + literal(openTask.group(1)) + ")]")));
    }
  }

  /**
   * Text of the open task or start form with the values of its fields, e.g. to read the
   * screening findings, which the forms show in disabled fields.
   */
  public String formText() {
    WebElement form = waitForForm();
    return form.getText() + "\n" + form.findElements(By.cssSelector("input, textarea")).stream()
        .map(field -> field.getDomProperty("value")).filter(value -> value != null && !value.isBlank())
        .collect(Collectors.joining("\n"));
  }

  public String currentTaskName() {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-details h2, .names h2")))
        .getText();
  }

  public String source() {
    return driver.getPageSource();
  }

  public String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** The page's text once it contains the given text, e.g. after a click on a server-rendered page. */
  public String waitForText(String text) {
    return wait.until(page -> {
      try {
        String body = page.findElement(By.tagName("body")).getText();
        return body.contains(text) ? body : null;
      } catch (StaleElementReferenceException navigating) {
        // The page was replaced between finding its body and reading it (a click's navigation).
        return null;
      } catch (WebDriverException navigating) {
        // Chromium reports the same race as an inspector error when the new document came mid-read.
        if (String.valueOf(navigating.getMessage()).contains("does not belong to the document")) {
          return null;
        }
        throw navigating;
      }
    });
  }

  /** Follows the link with the given text, as a user clicks an item key in the register. */
  public void follow(String linkText) {
    click(By.linkText(linkText));
  }

  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public WebDriverWait waiting() {
    return wait;
  }

  /** A longer wait, e.g. for a webapp's first load on a busy machine. */
  public WebDriverWait waiting(Duration timeout) {
    return new WebDriverWait(driver, timeout);
  }

  @Override
  public void close() {
    driver.quit();
  }

  private WebElement waitForForm() {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
  }

  private WebElement fieldContainer(String label) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
        "//div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')][.//*[contains(@class,"
            + "'fjs-form-field-label')][" + labelled(label) + "]]")));
  }

  private WebElement field(String label) {
    WebElement labelElement = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
        "//label[contains(@class,'fjs-form-field-label')][" + labelled(label) + "]")));
    return driver.findElement(By.id(labelElement.getAttribute("for")));
  }

  /** A form-js label reads "Title*" for required fields. */
  private static String labelled(String label) {
    return "normalize-space(.)=" + literal(label) + " or normalize-space(.)=" + literal(label + "*");
  }

  private void click(By locator) {
    wait.ignoring(StaleElementReferenceException.class).until(driver -> {
      WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(driver);
      if (element == null) {
        return false;
      }
      ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
      try {
        element.click();
        return true;
      } catch (ElementClickInterceptedException covered) {
        // Tasklist's notifications overlay the buttons: "task completed" for a few seconds, and until
        // closed "the task does not exist anymore" about a task the list showed a moment before.
        ((JavascriptExecutor) driver).executeScript(
            "document.querySelectorAll('.page-notifications .close').forEach(close => close.click());");
        return false;
      }
    });
  }

  private void clickElement(WebElement element) {
    // Tasklist's fixed footer covers the bottom of long forms.
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  private static String literal(String text) {
    return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
  }

  private static String tempDir() {
    try {
      return Files.createTempDirectory("tasklist-chromium").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
