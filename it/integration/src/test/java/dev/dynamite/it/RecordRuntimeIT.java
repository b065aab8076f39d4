package dev.dynamite.it;

import dev.dynamite.it.RecordRuntimeModels.Account;
import dev.dynamite.it.RecordRuntimeModels.Doc;
import dev.dynamite.it.RecordRuntimeModels.Hooked;
import dev.dynamite.it.RecordRuntimeModels.Note;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;

/** The model runtime on record models, against dynalite (tables stay CREATING for its default 500 ms). */
@DynamiteTest(backend = Backend.ENDPOINT, models = {Account.class, Doc.class, Note.class, Hooked.class})
class RecordRuntimeIT extends RecordRuntimeContract {
}
