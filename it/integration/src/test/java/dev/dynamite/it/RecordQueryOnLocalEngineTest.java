package dev.dynamite.it;

import dev.dynamite.it.RecordQueryModels.Person;
import dev.dynamite.it.RecordQueryModels.Reading;
import dev.dynamite.it.RecordQueryModels.Team;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;

/** The query suite on record models, on the embedded engine. */
@DynamiteTest(backend = Backend.EMBEDDED, models = {Person.class, Team.class, Reading.class})
class RecordQueryOnLocalEngineTest extends RecordQueryContract {
}
