package dev.dynamite.it;

import dev.dynamite.it.QueryModels.Person;
import dev.dynamite.it.QueryModels.Reading;
import dev.dynamite.it.QueryModels.Team;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;

/** Queries against dynalite (tables stay CREATING for its default 500 ms, so sync must wait). */
@DynamiteTest(backend = Backend.ENDPOINT, models = {Person.class, Team.class, Reading.class})
class QueryIT extends ClassQueryContract {
}
