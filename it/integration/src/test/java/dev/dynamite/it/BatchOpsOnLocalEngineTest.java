package dev.dynamite.it;

import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;

/** Batch reads and bulk loads on the embedded engine, in process. */
@DynamiteTest(backend = Backend.EMBEDDED, models = {PagingModels.Entry.class, PagingModels.Owner.class,
        PagingModels.Product.class})
class BatchOpsOnLocalEngineTest extends BatchOpsContract {
}
