package dev.dynamite.it;

import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;

/** Typed filters and updates against dynalite. */
@DynamiteTest(backend = Backend.ENDPOINT, models = {QueryModels.Person.class, QueryModels.Team.class,
        QueryModels.Reading.class, RecordModels.Buyer.class, RecordModels.Order.class})
class TypedFilterIT extends TypedFilterContract {
}
