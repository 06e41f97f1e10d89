package io.spime.mqtt.hivemq.internal;

import io.netty.channel.MultithreadEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import java.util.concurrent.ThreadFactory;

/** Netty's epoll transport, touched only when its classes are on the class path (the JVM loads them with this class). */
final class EpollLoops {
  private EpollLoops() {}

  /** Whether epoll works here: the test HiveMQ's client makes before choosing epoll channels. */
  static boolean usable() {
    return Epoll.isAvailable();
  }

  static MultithreadEventLoopGroup group(int threads, ThreadFactory factory) {
    return new EpollEventLoopGroup(threads, factory);
  }
}
