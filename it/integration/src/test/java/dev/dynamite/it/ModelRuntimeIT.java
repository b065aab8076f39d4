package dev.dynamite.it;

import dev.dynamite.it.RuntimeModels.Account;
import dev.dynamite.it.RuntimeModels.Doc;
import dev.dynamite.it.RuntimeModels.Hooked;
import dev.dynamite.it.RuntimeModels.Note;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;

/** The model runtime against dynalite (tables stay CREATING for its default 500 ms, so sync must wait). */
@DynamiteTest(backend = Backend.ENDPOINT, models = {Account.class, Doc.class, Note.class, Hooked.class})
class ModelRuntimeIT extends ModelRuntimeContract {
}
