package dev.dynamite.it;

import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;

/** Immutable-class models on the embedded engine. */
@DynamiteTest(backend = Backend.EMBEDDED, models = {ImmutableModels.Invoice.class, ImmutableModels.Ledger.class})
class ImmutableModelOnLocalEngineTest extends ImmutableModelContract {
}
