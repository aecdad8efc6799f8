package no.samhandling.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class DemoDataParallelTest {

    @Test
    void requestsRunSideBySideAndTheirAnswersComeBackInOrder() {
        CountDownLatch allStarted = new CountDownLatch(DemoData.PARALLEL_REQUESTS);
        List<Callable<String>> requests = IntStream.range(0, DemoData.PARALLEL_REQUESTS)
                .<Callable<String>>mapToObj(n -> () -> {
                    allStarted.countDown();
                    // One after the other, the first request would wait here in vain.
                    return allStarted.await(5, TimeUnit.SECONDS) ? "answer " + n : "alone";
                })
                .toList();

        try (ExecutorService pool = Executors.newFixedThreadPool(DemoData.PARALLEL_REQUESTS)) {
            assertThat(DemoData.inParallel(pool, requests)).containsExactly("answer 0", "answer 1", "answer 2", "answer 3");
        }
    }

    @Test
    void aFailedRequestFailsTheLoadWithItsOwnMessage() {
        List<Callable<String>> requests = List.of(
                () -> "fine",
                () -> {
                    throw new LocalSystemException("Demo data: POST /referrals (referral into x) answered 500");
                });

        try (ExecutorService pool = Executors.newFixedThreadPool(DemoData.PARALLEL_REQUESTS)) {
            assertThatThrownBy(() -> DemoData.inParallel(pool, requests))
                    .isInstanceOf(LocalSystemException.class)
                    .hasMessage("Demo data: POST /referrals (referral into x) answered 500");
        }
    }
}
