package dev.dynamite.it;

import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;

/** Pages and cursors against dynalite. */
@DynamiteTest(backend = Backend.ENDPOINT, models = {PagingModels.Entry.class, PagingModels.Owner.class})
class PagingIT extends PagingContract {
}
