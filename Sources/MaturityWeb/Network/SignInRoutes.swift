import Accounts
import Foundation
import Hummingbird
import InterfaceText
import MaturityStore

extension WebApp {
  /// Signing in and out, and accepting an invitation.
  func addSignInRoutes(to router: Router<WebContext>, settings: NetworkSettings) {
    let limiter = SignInLimiter(store: store, limits: settings.signInLimits)

    router.get("/login") { request, context in
      let back = FormFields(urlEncoded: request.uri.query ?? "")["back"]
      return signInPage(email: "", back: back, problem: nil, status: .ok, request: request, context: context)
    }

    router.post("/login") { request, context in
      var request = request
      let form = try await PostedForm.fields(&request)
      let email = form["email"] ?? ""
      let password = form["password"] ?? ""
      let back = form["back"]
      func refuse(_ problem: String, _ status: HTTPResponse.Status) -> Hummingbird.Response {
        signInPage(
          email: email, back: back, problem: problem, status: status, request: request, context: context)
      }
      let wait = try await limiter.wait(email: email, address: context.remoteAddress)
      if wait > 0 {
        return refuse(
          context.texts("web.signIn.wait", ["minutes": "\(Int((wait / 60).rounded(.up)))"]), .tooManyRequests)
      }
      let credentials = try await store.credentials(email: email)
      guard try await settings.hasher.verify(password, hash: credentials?.passwordHash),
        let account = credentials?.account
      else {
        try await limiter.failed(email: email, address: context.remoteAddress)
        try await store.audit(
          .signInFailed, actor: Email.normalized(email) ?? String(email.prefix(60)),
          address: context.remoteAddress)
        return refuse(context.texts("web.signIn.failed"), .unauthorized)
      }
      try await limiter.succeeded(email: email)
      try await store.audit(.signIn, actor: account.email, address: context.remoteAddress)
      return try await signedIn(account, request: request, to: Self.localPath(back), settings: settings)
    }

    router.post("/logout") { request, context in
      if let token = request.cookies[NetworkGuard.sessionCookie]?.value, SecretToken.isWellFormed(token) {
        try await store.closeSession(digest: SecretToken.digest(token))
      }
      try await store.audit(.signOut, actor: context.visitor?.account.email, address: context.remoteAddress)
      var response = Hummingbird.Response.redirect(to: "/login", type: .normal)
      response.setCookie(Self.sessionCookie("", settings: settings, maxAge: 0))
      return response
    }

    router.get("/invitations/:token") { request, context in
      let token = try context.parameters.require("token")
      guard let invitation = try await openInvitation(token) else { throw NetworkError.invitationNotUsable }
      return try await invitationPage(
        invitation, token: token, problem: nil, request: request, context: context)
    }

    router.post("/invitations/:token") { request, context in
      var request = request
      let token = try context.parameters.require("token")
      let password = try await PostedForm.fields(&request)["password"] ?? ""
      guard let invitation = try await openInvitation(token) else { throw NetworkError.invitationNotUsable }
      func refuse(_ problem: String) async throws -> Hummingbird.Response {
        try await invitationPage(
          invitation, token: token, problem: problem, request: request, context: context)
      }
      let newHash: String?
      if let existing = try await store.credentials(email: invitation.email) {
        // Someone who has an account proves it is theirs: a link alone never sets its password.
        if try await limiter.wait(email: invitation.email, address: context.remoteAddress) > 0 {
          return try await refuse(context.texts("web.signIn.wait", ["minutes": "15"]))
        }
        guard try await settings.hasher.verify(password, hash: existing.passwordHash) else {
          try await limiter.failed(email: invitation.email, address: context.remoteAddress)
          return try await refuse(context.texts("web.signIn.failed"))
        }
        newHash = nil
      } else {
        if let problem = PasswordPolicy.standard.problem(password, email: invitation.email) {
          return try await refuse(NetworkError.weakPassword(problem).message(context.texts))
        }
        newHash = try await settings.hasher.hash(password)
      }
      let account = try await store.acceptInvitation(
        tokenDigest: SecretToken.digest(token), newPasswordHash: newHash)
      return try await signedIn(account, request: request, to: "/", settings: settings)
    }
  }

  /// The invitation of `token` while it can be used.
  private func openInvitation(_ token: String) async throws -> Invitation? {
    guard SecretToken.isWellFormed(token),
      let invitation = try await store.invitation(tokenDigest: SecretToken.digest(token)),
      invitation.isOpen(at: Date())
    else { return nil }
    return invitation
  }

  /// Opens a new session (a new id: one known before signing in is never kept) and a new CSRF
  /// token, and goes on to `path`.
  private func signedIn(_ account: Account, request: Request, to path: String, settings: NetworkSettings)
    async throws -> Hummingbird.Response
  {
    if let old = request.cookies[NetworkGuard.sessionCookie]?.value, SecretToken.isWellFormed(old) {
      try await store.closeSession(digest: SecretToken.digest(old))
    }
    let token = SecretToken.generate()
    try await store.openSession(
      digest: SecretToken.digest(token), accountID: account.id, idleLimit: settings.sessionIdleLimit)
    ServerMetrics.signIn(succeeded: true)
    var response = Hummingbird.Response.redirect(to: path, type: .normal)
    response.setCookie(Self.sessionCookie(token, settings: settings))
    response.setCookie(
      Cookie(
        name: WebGuard.csrfCookie, value: SecretToken.generate(), path: "/", secure: settings.secureCookies,
        httpOnly: true, sameSite: .strict))
    return response
  }

  static func sessionCookie(_ token: String, settings: NetworkSettings, maxAge: Int? = nil) -> Cookie {
    Cookie(
      name: NetworkGuard.sessionCookie, value: token, maxAge: maxAge, path: "/",
      secure: settings.secureCookies,
      httpOnly: true, sameSite: .lax)
  }

  private func signInPage(
    email: String, back: String?, problem: String?, status: HTTPResponse.Status, request: Request,
    context: WebContext
  ) -> Hummingbird.Response {
    page(
      "login", title: context.texts("web.signIn"),
      [
        "email": email, "back": Self.localPath(back), "problem": problem ?? "", "hasProblem": problem != nil,
        "minimumLength": "\(PasswordPolicy.minimumLength)",
      ], request: request, context: context, status: status)
  }

  private func invitationPage(
    _ invitation: Invitation, token: String, problem: String?, request: Request, context: WebContext
  ) async throws -> Hummingbird.Response {
    let texts = context.texts
    let network = try await store.network(invitation.membership.networkID)
    let hasAccount = try await store.credentials(email: invitation.email) != nil
    return page(
      "invitation", title: texts("web.invitation"),
      [
        "token": token, "email": invitation.email, "network": network.name,
        "role": texts("web.role.\(invitation.membership.role.rawValue)"),
        "authority": invitation.membership.authorityID ?? "",
        "hasAuthority": invitation.membership.authorityID != nil,
        "hasAccount": hasAccount, "problem": problem ?? "", "hasProblem": problem != nil,
        "minimumLength": "\(PasswordPolicy.minimumLength)",
      ], request: request, context: context, status: problem == nil ? .ok : .unprocessableContent)
  }
}
