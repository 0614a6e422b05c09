package org.mlcouncil.register;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mlcouncil.platform.Administrators;
import org.springframework.stereotype.Component;

/**
 * What the register's pages and its JSON API both answer, with the same authorization: who may
 * read, what a reader sees of an item, and who may withdraw it.
 */
@Component
public class Register {

  private final RegisterQueries queries;
  private final ItemHistory history;
  private final RegisterProperties properties;
  private final RegisterCharts charts;
  private final IdentityService identityService;
  private final Administrators administrators;

  public Register(RegisterQueries queries, ItemHistory history, RegisterProperties properties,
                  RegisterCharts charts, IdentityService identityService, Administrators administrators) {
    this.queries = queries;
    this.history = history;
    this.properties = properties;
    this.charts = charts;
    this.identityService = identityService;
    this.administrators = administrators;
  }

  /** The viewer behind a user id, with the groups the identity service knows now. */
  public Viewer viewer(String userId) {
    Authentication current = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
          .map(Group::getId).toList();
      return new Viewer(userId, groups, administrators.include(new Authentication(userId, groups)));
    } finally {
      if (current != null) {
        identityService.setAuthentication(current);
      }
    }
  }

  /** One row of a list, with its age and status as of now. */
  public record Row(RegisterItem item, String ageInStage, String status) {
  }

  public record Listing(List<Row> rows, long total, int page, int size, int pages) {
  }

  public Listing page(Viewer viewer, RegisterSearch search) {
    requireReader(viewer);
    RegisterQueries.Page page = queries.page(search);
    return new Listing(rows(page.items()), page.total(), page.page(), page.size(), page.pages());
  }

  /** The viewer's own items (proposed, led, in the team), open ones first. */
  public Listing mine(Viewer viewer, int size) {
    requireReader(viewer);
    RegisterSearch search = new RegisterSearch(null, null, null, null, viewer.userId(), null,
        RegisterSearch.Sort.DECIDED, false, 0, size);
    RegisterQueries.Page page = queries.page(search);
    return new Listing(rows(page.items()), page.total(), 0, size, page.pages());
  }

  public List<String> stages(Viewer viewer) {
    requireReader(viewer);
    return queries.stages();
  }

  public void export(Viewer viewer, RegisterSearch search, RegisterQueries.ItemWriter writer) {
    requireReader(viewer);
    queries.export(search, writer);
  }

  /** The charts' figures, for every reader: they are counts and times, no restricted value. */
  public RegisterCharts.Figures charts(Viewer viewer) {
    requireReader(viewer);
    return charts.figures(ClockUtil.getCurrentTime().toInstant());
  }

  /**
   * @param mayWithdraw the viewer may withdraw it: an open proposal they proposed, or any open proposal for an administrator
   */
  public record ItemPage(Row row, ItemHistory.Story story, boolean mayWithdraw) {
  }

  public ItemPage item(Viewer viewer, String key) {
    requireReader(viewer);
    if (key == null || key.length() > 64) {
      throw new RegisterRefusal(404, "businessKey", "no item with this key");
    }
    RegisterItem item = queries.item(key)
        .orElseThrow(() -> new RegisterRefusal(404, "businessKey", "no item " + key));
    boolean mayWithdraw = item.isOpen() && ItemKind.PROPOSAL.label().equals(item.kind())
        && (viewer.administrator() || viewer.userId().equals(item.proposer()));
    return new ItemPage(rows(List.of(item)).get(0), history.of(item, viewer), mayWithdraw);
  }

  public RegisterProperties properties() {
    return properties;
  }

  private static List<Row> rows(List<RegisterItem> items) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return items.stream().map(item -> new Row(item, item.ageInStage(now), item.status(now))).toList();
  }

  static void requireReader(Viewer viewer) {
    if (viewer == null || !viewer.mayRead()) {
      throw new RegisterRefusal(403, "user", "the register is for members of the ML organisation's groups "
          + "(ml-practitioners, the council, pod leads, process owners)");
    }
  }
}
