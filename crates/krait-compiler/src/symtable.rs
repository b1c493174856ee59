//! symtable (to be written).
