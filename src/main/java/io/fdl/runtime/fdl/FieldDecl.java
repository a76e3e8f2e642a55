package io.fdl.runtime.fdl;

/** A typed field of a {@code defs} record or of an {@code out} field map (no default). */
public record FieldDecl(String name, TypeRef type, SourcePos pos) {}
