package dev.dynamite.it;

import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;

/** Batch reads and bulk loads against dynalite. */
@DynamiteTest(backend = Backend.ENDPOINT, models = {PagingModels.Entry.class, PagingModels.Owner.class,
        PagingModels.Product.class})
class BatchOpsIT extends BatchOpsContract {
}
