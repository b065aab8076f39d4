package dev.dynamite.it;

import dev.dynamite.it.RecordRuntimeModels.Account;
import dev.dynamite.it.RecordRuntimeModels.Doc;
import dev.dynamite.it.RecordRuntimeModels.Hooked;
import dev.dynamite.it.RecordRuntimeModels.Note;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;

/** The model runtime on record models, on the embedded engine, in process. */
@DynamiteTest(backend = Backend.EMBEDDED, models = {Account.class, Doc.class, Note.class, Hooked.class})
class RecordRuntimeOnLocalEngineTest extends RecordRuntimeContract {
}
