package chat.rocket.livechat.platform.runtime;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The Kafka clients of one process that must be in place before it takes work, each with a flag saying whether it is:
 * a service's consumer-group member once the group assigned it partitions, a gateway HTTP verticle's reply consumer
 * once its reply partition is assigned. One instance per Vert.x instance (in its local shared data), so every
 * verticle registers in the same place and {@link HealthRoutes} reads it. Thread-safe.
 */
public final class Readiness implements Shareable {

  private static final String MAP = "livechat.readiness";

  private final Map<String, BooleanSupplier> components = new ConcurrentHashMap<>();

  private Readiness() {
  }

  /** @return the readiness registry of this Vert.x instance */
  public static Readiness of(Vertx vertx) {
    LocalMap<String, Readiness> map = vertx.sharedData().getLocalMap(MAP);
    Readiness fresh = new Readiness();
    Readiness existing = map.putIfAbsent(MAP, fresh);
    return existing == null ? fresh : existing;
  }

  /**
   * Adds a component; until it is unregistered the process is ready only while {@code ready} answers true.
   *
   * @param name  e.g. {@code room-service@livechat.room.commands}; a suffix {@code #2}, {@code #3}... is added when
   *              another component (another verticle instance) has the name already
   * @param ready answers whether the component is in place; called on an event loop, must not block
   * @return the name the component got, for {@link #unregister(String)}
   */
  public String register(String name, BooleanSupplier ready) {
    if (components.putIfAbsent(name, ready) == null) {
      return name;
    }
    for (int n = 2; ; n++) {
      String numbered = name + "#" + n;
      if (components.putIfAbsent(numbered, ready) == null) {
        return numbered;
      }
    }
  }

  /** Removes a component (its verticle stopped). */
  public void unregister(String name) {
    components.remove(name);
  }

  /** @return each component's name and whether it is in place now, sorted by name */
  public SortedMap<String, Boolean> snapshot() {
    SortedMap<String, Boolean> states = new TreeMap<>();
    components.forEach((name, ready) -> states.put(name, ready.getAsBoolean()));
    return states;
  }
}
