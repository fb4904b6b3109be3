/// A state's vote on a UN General Assembly roll call, coded as in Voeten's data: yes 1, abstain 2,
/// no 3. Absence and non-membership are not votes and have no code.
public enum UNVote: UInt8, Sendable, Codable, CaseIterable, CustomStringConvertible {
  case yes = 1
  case abstain = 2
  case no = 3

  /// Parses `yes`, `abstain` or `no` (the `unvotes` spelling) or the codes 1, 2, 3.
  public init?(text: some StringProtocol) {
    switch text {
    case "yes", "1": self = .yes
    case "abstain", "2": self = .abstain
    case "no", "3": self = .no
    default: return nil
    }
  }

  public var description: String {
    switch self {
    case .yes: "yes"
    case .abstain: "abstain"
    case .no: "no"
    }
  }
}

/// The issue areas of UN General Assembly roll calls in Voeten's data.
public enum UNGAIssue: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
  case palestinianConflict = "me"
  case nuclearWeapons = "nu"
  case armsControl = "di"
  case humanRights = "hr"
  case colonialism = "co"
  case economicDevelopment = "ec"

  /// The name as the dataset gives it.
  public var title: String {
    switch self {
    case .palestinianConflict: "Palestinian conflict"
    case .nuclearWeapons: "Nuclear weapons and nuclear material"
    case .armsControl: "Arms control and disarmament"
    case .humanRights: "Human rights"
    case .colonialism: "Colonialism"
    case .economicDevelopment: "Economic development"
    }
  }

  public var description: String { rawValue }
}
