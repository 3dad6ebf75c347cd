/// The questions about the authority that every exported form asks first, and that the import
/// mappings read: their names, kinds and labels in the three interface languages.
public enum AuthorityQuestions {
  /// The kind of answer an authority question takes.
  public enum Kind: Sendable { case text, integer, authorityType }

  /// One authority question: the mapping's field, the form's name, its kind and label.
  public struct Item: Sendable {
    public var field: String
    public var name: String
    public var kind: Kind
    public var label: LocalizedText
    /// Whether a form requires an answer.
    public var required: Bool
  }

  public static let items: [Item] = [
    Item(
      field: "id", name: "authority_id", kind: .text,
      label: LocalizedText([
        "en": "Authority id", "fr": "Identifiant de la collectivité", "es": "Identificador de la entidad",
      ]),
      required: true),
    Item(
      field: "name", name: "authority_name", kind: .text,
      label: LocalizedText(["en": "Name", "fr": "Nom", "es": "Nombre"]), required: true),
    Item(
      field: "country", name: "country", kind: .text,
      label: LocalizedText([
        "en": "Country code (ES, FR…)", "fr": "Code du pays (ES, FR…)", "es": "Código del país (ES, FR…)",
      ]), required: false),
    Item(
      field: "population", name: "population", kind: .integer,
      label: LocalizedText(["en": "Population", "fr": "Population", "es": "Población"]), required: false),
    Item(
      field: "type", name: "authority_type", kind: .authorityType,
      label: LocalizedText(["en": "Kind of authority", "fr": "Type de collectivité", "es": "Tipo de entidad"]
      ),
      required: true),
  ]

  /// The group's label.
  public static let groupLabel = LocalizedText([
    "en": "Your authority", "fr": "Votre collectivité", "es": "Su entidad",
  ])

  /// The kind of authority `text` names: its id, its label in any language, or its LimeSurvey
  /// answer code; nil when it names none.
  public static func kind(_ text: String) -> String? {
    let folded = AnswerCellReader.fold(text)
    return kinds.first { kind in
      [kind.id, LimeSurveyCodes.code(kind.id, length: 5)].contains { AnswerCellReader.fold($0) == folded }
        || kind.label.translations.values.contains { AnswerCellReader.fold($0) == folded }
    }?.id
  }

  /// The kinds of authority, the choices of `authority_type`.
  public static let kinds: [(id: String, label: LocalizedText)] = [
    ("municipality", LocalizedText(["en": "Municipality", "fr": "Commune", "es": "Municipio"])),
    ("region", LocalizedText(["en": "Region", "fr": "Région", "es": "Región"])),
    ("other", LocalizedText(["en": "Other", "fr": "Autre", "es": "Otra"])),
  ]
}
