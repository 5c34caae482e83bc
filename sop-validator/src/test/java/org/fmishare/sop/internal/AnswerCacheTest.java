package org.fmishare.sop.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AnswerCacheTest {
    @Test
    void anAnswerIsRememberedAndTheFirstAnswerForAKeyWins() {
        AnswerCache<String, String> cache = new AnswerCache<>(100, String::length);
        assertThat(cache.get("a")).isNull();
        cache.put("a", "first");
        cache.put("a", "second");
        assertThat(cache.get("a")).isEqualTo("first");
    }

    @Test
    void theCacheStaysBoundedAndKeepsAnswersInUseAcrossARotation() {
        AnswerCache<String, Integer> cache = new AnswerCache<>(10, String::length);
        cache.put("kept", 1);
        for (int i = 0; i < 1_000; i++) {
            cache.put("k" + i, i);
            assertThat(cache.get("kept")).as("an answer in steady use survives rotations").isEqualTo(1);
        }
        // Two generations of at most about ten characters of keys each, each key weighing at least two.
        assertThat(cache.size()).isLessThanOrEqualTo(16);
        assertThat(cache.get("k0")).as("an old answer not asked for again is dropped").isNull();
    }

    @Test
    void aNonPositiveBoundOrAMissingAnswerIsRefused() {
        assertThatThrownBy(() -> new AnswerCache<String, String>(0, String::length))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxWeight");
        AnswerCache<String, String> cache = new AnswerCache<>(10, String::length);
        assertThatThrownBy(() -> cache.put("a", null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("answer");
    }

    @Test
    void threadsSharingTheCacheGetTheSameAnswers() throws Exception {
        AnswerCache<String, String> cache = new AnswerCache<>(64, String::length);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        String key = "key-" + (i % 50);
                        String known = cache.get(key);
                        if (known != null && !known.equals("answer-" + key)) {
                            return false;
                        }
                        cache.put(key, "answer-" + key);
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get(5, TimeUnit.MINUTES)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
