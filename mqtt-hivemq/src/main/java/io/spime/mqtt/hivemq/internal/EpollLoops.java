package io.spime.mqtt.hivemq.internal;

import io.netty.channel.MultithreadEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import java.util.concurrent.ThreadFactory;

/** Netty's epoll transport, touched only when its classes are on the class path. */
final class EpollLoops {
  private EpollLoops() {}

  /** The test HiveMQ's client makes before choosing epoll channels. */
  static boolean usable() {
    try {
      Class.forName("io.netty.channel.epoll.Epoll", false, EpollLoops.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return false; // no epoll transport here: NIO
    }
    return Epoll.isAvailable();
  }

  static MultithreadEventLoopGroup group(int threads, ThreadFactory factory) {
    return new EpollEventLoopGroup(threads, factory);
  }
}
