package io.spime.twin;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The store contract suite: a test class extending this runs once on each store ({@link
 * TestStore.Kind}), each test on a fresh store of its own ({@link #stores}), deleted after it.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestStore.Kind.class)
abstract class StoreContract {
  @Parameter TestStore.Kind kind;
  TestStore stores;

  /** Skips the whole class on a store that cannot be had here, before any test's own set-up runs. */
  @BeforeParameterizedClassInvocation
  static void storeAvailable(TestStore.Kind kind) {
    kind.assumeAvailable();
  }

  @BeforeEach
  void createStore() {
    stores = kind.create();
  }

  @AfterEach
  void deleteStore() {
    if (stores != null) {
      stores.close();
    }
  }
}
