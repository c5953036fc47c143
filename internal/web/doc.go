// Package web serves minutebook's web application: server-rendered pages
// (html/template and embed, with htmx for partial updates and no front-end
// build step) for the secretary, directors, stockholders, the inspector of
// election and auditors. Every page reads through acts (and accounts for
// logins), every form records acts through the same act path as the API
// (httpapi), and every page is authorized by the same access policies.
//
// It is a transport: it never imports a store (STYLE.md rule 3).
package web
