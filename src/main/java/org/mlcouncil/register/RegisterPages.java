package org.mlcouncil.register;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.mlcouncil.directory.DirectoryProperties;
import org.mlcouncil.platform.TextLimits;
import org.mlcouncil.proposal.Withdrawals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The register's pages under {@code /register}, rendered on the server (Thymeleaf), for the user
 * logged in to the Camunda webapps. Item pages live at {@code /register/items/{businessKey}}, the
 * address mails link to.
 */
@Controller
public class RegisterPages {

  private static final Logger log = LoggerFactory.getLogger(RegisterPages.class);
  private static final int MY_ITEMS_ON_TOP = 5;

  private final Register register;
  private final MeetingArchive meetings;
  private final WebLogin login;
  private final Withdrawals withdrawals;
  private final DirectoryProperties directory;
  private final ItemDiagram diagram;

  public RegisterPages(Register register, MeetingArchive meetings, WebLogin login, Withdrawals withdrawals,
                       DirectoryProperties directory, ItemDiagram diagram) {
    this.register = register;
    this.diagram = diagram;
    this.meetings = meetings;
    this.login = login;
    this.withdrawals = withdrawals;
    this.directory = directory;
  }

  /** Not logged in: to the login page, and back here after it. */
  static final class LoginRequired extends RuntimeException {
    LoginRequired() {
      super(null, null, false, false);
    }
  }

  /** The register's pages are never framed by another site, and load nothing from elsewhere. */
  @ModelAttribute
  public void securityHeaders(HttpServletResponse response) {
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'");
  }

  @GetMapping("/register")
  public String list(@RequestParam Map<String, String> parameters, HttpServletRequest request, Model model) {
    Viewer viewer = viewer(request, model);
    RegisterSearch search = RegisterSearch.of(parameters, register.properties().pageSize());
    model.addAttribute("search", search);
    model.addAttribute("listing", register.page(viewer, search));
    model.addAttribute("mine", register.mine(viewer, MY_ITEMS_ON_TOP));
    model.addAttribute("stages", register.stages(viewer));
    model.addAttribute("pods", directory.pods());
    model.addAttribute("kinds", Arrays.stream(ItemKind.values()).map(ItemKind::label).toList());
    model.addAttribute("decisions", RegisterSearch.DECISIONS);
    model.addAttribute("sorts", List.of(RegisterSearch.Sort.values()));
    return "register/list";
  }

  @GetMapping("/register/my")
  public String mine(HttpServletRequest request, Model model) {
    Viewer viewer = viewer(request, model);
    model.addAttribute("mine", register.mine(viewer, RegisterProperties.MAX_PAGE_SIZE));
    return "register/my";
  }

  @GetMapping("/register/items.csv")
  public void csv(@RequestParam Map<String, String> parameters, HttpServletRequest request,
                  HttpServletResponse response) throws IOException {
    Viewer viewer = viewer(request, null);
    RegisterCsv.write(register, viewer, RegisterSearch.of(parameters, register.properties().pageSize()), response);
  }

  @GetMapping("/register/items/{key}")
  public String item(@PathVariable String key, HttpServletRequest request, Model model) {
    Viewer viewer = viewer(request, model);
    Register.ItemPage page = register.item(viewer, key);
    model.addAttribute("page", page);
    // After register.item: the diagram is for those who may read the item, and only them.
    diagram.of(page.row().item()).ifPresent(svg -> model.addAttribute("diagram", svg));
    model.addAttribute("maxReason", Withdrawals.MAX_REASON);
    return "register/item";
  }

  @PostMapping("/register/items/{key}/withdrawal")
  public String withdraw(@PathVariable String key, @RequestParam(required = false) String reason,
                         @RequestParam(required = false) String confirm, @RequestParam(name = "_csrf", required = false)
                         String csrf, HttpServletRequest request, HttpServletResponse response, Model model,
                         RedirectAttributes redirect) {
    Viewer viewer = viewer(request, model);
    login.requireCsrf(request, csrf);
    String problem;
    if (!"yes".equals(confirm)) {
      problem = "confirm: tick the box to confirm that you withdraw " + key;
      response.setStatus(400);
    } else {
      Withdrawals.Outcome outcome = withdrawals.withdraw(new Authentication(viewer.userId(), viewer.groups()), key,
          reason);
      if (outcome.withdrawn()) {
        redirect.addFlashAttribute("notice", key + " is withdrawn; everyone interested will be told.");
        return "redirect:/register/items/" + key;
      }
      problem = outcome.message();
      response.setStatus(outcome.status().value());
    }
    model.addAttribute("problem", problem);
    model.addAttribute("reason", reason);
    return item(key, request, model);
  }

  @GetMapping("/register/charts")
  public String charts(HttpServletRequest request, Model model) {
    Viewer viewer = viewer(request, model);
    RegisterCharts.Figures figures = register.charts(viewer);
    model.addAttribute("figures", figures);
    model.addAttribute("pictures", ChartSvg.of(figures));
    return "register/charts";
  }

  @GetMapping("/register/meetings")
  public String meetings(@RequestParam(defaultValue = "0") String page, HttpServletRequest request, Model model) {
    Viewer viewer = viewer(request, model);
    RegisterSearch paging = RegisterSearch.of(Map.of("page", page), register.properties().pageSize());
    model.addAttribute("archive", meetings.page(viewer, paging.page(), paging.size()));
    return "register/meetings";
  }

  @GetMapping("/register/meetings/{key}")
  public String meeting(@PathVariable String key, HttpServletRequest request, Model model) {
    Viewer viewer = viewer(request, model);
    model.addAttribute("meeting", meetings.meeting(viewer, key));
    return "register/meeting";
  }

  @PostMapping("/register/meetings")
  public String holdNow(@RequestParam(name = "_csrf", required = false) String csrf, HttpServletRequest request,
                        Model model, RedirectAttributes redirect) {
    Viewer viewer = viewer(request, model);
    login.requireCsrf(request, csrf);
    meetings.holdNow(viewer);
    redirect.addFlashAttribute("notice", "The ML Review is open: find Run ML Review in Tasklist under Chair decisions.");
    return "redirect:/register/meetings";
  }

  @GetMapping("/register/login")
  public String loginPage(@RequestParam(required = false) String next, HttpServletRequest request, Model model) {
    if (login.userId(request).isPresent()) {
      return "redirect:" + safeNext(next);
    }
    model.addAttribute("next", safeNext(next));
    model.addAttribute("csrf", login.csrfToken(request));
    return "register/login";
  }

  @PostMapping("/register/login")
  public String logIn(@RequestParam(required = false) String username, @RequestParam(required = false) String password,
                      @RequestParam(required = false) String next,
                      @RequestParam(name = "_csrf", required = false) String csrf, HttpServletRequest request,
                      HttpServletResponse response, Model model) {
    login.requireCsrf(request, csrf);
    if (login.login(request, username, password)) {
      return "redirect:" + safeNext(next);
    }
    log.info("Refused: register login of {}: wrong user name or password", username == null ? null
        : TextLimits.abbreviate(username));
    response.setStatus(401);
    model.addAttribute("next", safeNext(next));
    model.addAttribute("csrf", login.csrfToken(request));
    model.addAttribute("problem", "Wrong user name or password.");
    return "register/login";
  }

  @PostMapping("/register/logout")
  public String logOut(@RequestParam(name = "_csrf", required = false) String csrf, HttpServletRequest request) {
    login.requireCsrf(request, csrf);
    login.logout(request);
    return "redirect:/register/login";
  }

  @ExceptionHandler(LoginRequired.class)
  public String toLogin(HttpServletRequest request) {
    String here = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    return "redirect:/register/login?next=" + URLEncoder.encode(safeNext(here), StandardCharsets.UTF_8);
  }

  @ExceptionHandler(RegisterRefusal.class)
  public String refused(RegisterRefusal refusal, HttpServletRequest request, HttpServletResponse response,
                        Model model) {
    log.info("Refused: {}", refusal.getMessage());
    response.setStatus(refusal.status());
    model.addAttribute("problem", refusal.getMessage());
    model.addAttribute("status", refusal.status());
    login.userId(request).ifPresent(user -> model.addAttribute("user", user));
    return "register/error";
  }

  /** The logged-in reader; the model gets what the page header shows. */
  private Viewer viewer(HttpServletRequest request, Model model) {
    String userId = login.userId(request).orElseThrow(LoginRequired::new);
    Viewer viewer = register.viewer(userId);
    if (model != null) {
      model.addAttribute("viewer", viewer);
      model.addAttribute("user", userId);
      model.addAttribute("csrf", login.csrfToken(request));
    }
    return viewer;
  }

  /** Only a path inside the register: never another site, whatever {@code next} says. */
  static String safeNext(String next) {
    if (next == null || !next.startsWith("/register") || next.contains("//") || next.contains("\\")
        || next.chars().anyMatch(Character::isISOControl) || next.length() > 2000) {
      return "/register";
    }
    return next;
  }
}
