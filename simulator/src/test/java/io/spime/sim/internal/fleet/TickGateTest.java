package io.spime.sim.internal.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TickGateTest {
  @Test
  void close_waits_for_the_tick_in_progress_and_no_tick_runs_after_it() throws Exception {
    TickGate gate = new TickGate();
    CountDownLatch inTick = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger ticksEnded = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      threads.submit(() -> gate.run(() -> {
        inTick.countDown();
        awaitQuietly(release);
        ticksEnded.incrementAndGet();
      }));
      assertTrue(inTick.await(5, TimeUnit.SECONDS));
      Future<?> closing = threads.submit(gate::close);
      Thread.sleep(200);
      assertEquals(false, closing.isDone(), "close returned while a tick was still running");
      release.countDown();
      closing.get(5, TimeUnit.SECONDS);
      assertEquals(1, ticksEnded.get(), "close returned before the tick in progress ended");

      gate.run(ticksEnded::incrementAndGet);
      assertEquals(1, ticksEnded.get(), "a tick ran after the gate closed");
    } finally {
      threads.shutdownNow();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
