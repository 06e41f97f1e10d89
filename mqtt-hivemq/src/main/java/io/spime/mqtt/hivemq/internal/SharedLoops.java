package io.spime.mqtt.hivemq.internal;

import com.hivemq.client.mqtt.MqttClientExecutorConfig;
import io.netty.channel.MultithreadEventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.reactivex.schedulers.Schedulers;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads every HiveMQ-client transport of the JVM shares: one Netty event-loop group for the
 * sockets, and one pool for what reaches spime's code (acknowledgements, incoming messages), which
 * each link hands over through its {@link SerialExecutor}. HiveMQ's own callbacks run on the event
 * loop (its application scheduler is the trampoline), so a PUBACK is seen before a DISCONNECT that
 * follows it. All daemon threads, made once, never shut down; a task that throws is logged at ERROR.
 */
final class SharedLoops {
  private static final Logger LOG = LoggerFactory.getLogger(SharedLoops.class);
  private static final int CORES = Runtime.getRuntime().availableProcessors();
  /** Socket threads: the event loops only move bytes, a few serve thousands of connections. */
  static final int NETTY_THREADS = Math.max(2, Math.min(4, CORES));
  /** Callback threads: listeners may touch a disk (an agent's outbox), so a few more. */
  static final int CALLBACK_THREADS = Math.max(4, Math.min(8, CORES));

  private static final MqttClientExecutorConfig CONFIG = MqttClientExecutorConfig.builder()
      .nettyExecutor(eventLoops())
      .nettyThreads(NETTY_THREADS)
      .applicationScheduler(Schedulers.trampoline())
      .build();
  private static final ExecutorService CALLBACKS =
      Executors.newFixedThreadPool(CALLBACK_THREADS, daemons("spime-mqtt-callback-"));

  private SharedLoops() {}

  /** The executor configuration of every client. */
  static MqttClientExecutorConfig config() {
    return CONFIG;
  }

  /**
   * Epoll's group when Netty's epoll transport is present and works (HiveMQ's client then makes
   * epoll channels, which need it), else NIO's. HiveMQ's client never shuts down a group it was given.
   */
  private static MultithreadEventLoopGroup eventLoops() {
    ThreadFactory threads = daemons("spime-mqtt-io-");
    if (epollOnClassPath() && EpollLoops.usable()) {
      return EpollLoops.group(NETTY_THREADS, threads);
    }
    return new NioEventLoopGroup(NETTY_THREADS, threads);
  }

  /** Whether Netty's epoll classes are here; EpollLoops cannot even be loaded without them. */
  private static boolean epollOnClassPath() {
    try {
      Class.forName("io.netty.channel.epoll.EpollEventLoopGroup", false, SharedLoops.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false; // no epoll transport here: NIO, as HiveMQ's client then chooses too
    }
  }

  /** A serial lane on the shared callback pool for one link. */
  static SerialExecutor lane(String owner) {
    return new SerialExecutor(CALLBACKS, owner);
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      thread.setUncaughtExceptionHandler((t, e) -> LOG.error("{} died of an uncaught exception", t.getName(), e));
      return thread;
    };
  }
}
