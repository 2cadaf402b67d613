"""Pure rendering: model in, Markdown (pages) or bytes (plan documents) out. No MkDocs here."""
