package dev.dynamite.core.internal.model;

/** Which soft-deleted items a read sees. */
public enum Trash { EXCLUDE, INCLUDE, ONLY }
