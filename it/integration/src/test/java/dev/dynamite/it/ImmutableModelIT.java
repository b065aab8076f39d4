package dev.dynamite.it;

import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;

/** Immutable-class models against dynalite. */
@DynamiteTest(backend = Backend.ENDPOINT, models = {ImmutableModels.Invoice.class, ImmutableModels.Ledger.class,
        ImmutableModels.Consignment.class, ImmutableModels.Crate.class})
class ImmutableModelIT extends ImmutableModelContract {
}
