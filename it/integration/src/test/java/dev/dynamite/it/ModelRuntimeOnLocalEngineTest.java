package dev.dynamite.it;

import dev.dynamite.it.RuntimeModels.Account;
import dev.dynamite.it.RuntimeModels.Doc;
import dev.dynamite.it.RuntimeModels.Hooked;
import dev.dynamite.it.RuntimeModels.Note;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;

/** The model runtime on the embedded engine, in process. */
@DynamiteTest(backend = Backend.EMBEDDED, models = {Account.class, Doc.class, Note.class, Hooked.class})
class ModelRuntimeOnLocalEngineTest extends ModelRuntimeContract {
}
