package chat.rocket.livechat.standalone;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every log event of this JVM (where the test system's services run) from {@link #start()} to {@link #close()}: a
 * Logback {@link ListAppender} on the root logger. While it runs, our own loggers ({@code chat.rocket.livechat}) log
 * at TRACE, so debug lines that a production setting would hide are captured too.
 */
public final class LogCapture implements AutoCloseable {

  private static final String OUR_LOGGERS = "chat.rocket.livechat";

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger ours = (Logger) LoggerFactory.getLogger(OUR_LOGGERS);
  private final Level oursBefore = ours.getLevel();

  private LogCapture() {
  }

  /** @return a capture that has started */
  public static LogCapture start() {
    LogCapture capture = new LogCapture();
    capture.appender.start();
    capture.root.addAppender(capture.appender);
    capture.ours.setLevel(Level.TRACE);
    return capture;
  }

  /** @return every captured event as text: logger, formatted message, MDC and stack trace */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    synchronized (appender) {
      for (ILoggingEvent event : appender.list) {
        String thrown = event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
        lines.add(event.getLoggerName() + " " + event.getFormattedMessage() + " " + event.getMDCPropertyMap()
            + " " + thrown);
      }
    }
    return lines;
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
    ours.setLevel(oursBefore);
  }
}
