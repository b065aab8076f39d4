package dev.dynamite.it;

/** The relation suite on the record models of {@link RecordRelationModels}. */
abstract class RecordRelationContract extends RelationContract {
    @Override
    protected Class<?> model(String name) {
        return RecordRelationModels.named(name);
    }
}
