package dev.dynamite.it;

import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;

/** Record models against dynalite. */
@DynamiteTest(backend = Backend.ENDPOINT, models = {RecordModels.Buyer.class, RecordModels.Order.class})
class RecordModelIT extends RecordModelContract {
}
