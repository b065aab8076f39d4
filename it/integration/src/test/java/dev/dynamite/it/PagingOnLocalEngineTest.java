package dev.dynamite.it;

import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;

/** Pages and cursors on the embedded engine, in process. */
@DynamiteTest(backend = Backend.EMBEDDED, models = {PagingModels.Entry.class, PagingModels.Owner.class})
class PagingOnLocalEngineTest extends PagingContract {
}
