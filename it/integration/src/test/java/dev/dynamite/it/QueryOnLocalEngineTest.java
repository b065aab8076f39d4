package dev.dynamite.it;

import dev.dynamite.it.QueryModels.Person;
import dev.dynamite.it.QueryModels.Reading;
import dev.dynamite.it.QueryModels.Team;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;

/** Queries on the embedded engine, in process. */
@DynamiteTest(backend = Backend.EMBEDDED, models = {Person.class, Team.class, Reading.class})
class QueryOnLocalEngineTest extends ClassQueryContract {
}
