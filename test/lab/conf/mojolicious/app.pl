#!/usr/bin/perl
# Mojolicious 9 (Debian's libmojolicious-perl), a Mojolicious::Lite app, the lab's fifth set (issue 17). Each
# refusal is written as Mojolicious's own guides show it:
# - CSRF (Mojolicious::Guides::Rendering, "Cross-site request forgery"): `csrf_field` in the form, and
#   `return $c->render(text => 'Bad CSRF token!', status => 403) if $v->csrf_protect->has_error('csrf_token');`
# - Basic authentication (Mojolicious::Guides::Cookbook, "Basic authentication"): `userinfo` checked, else
#   `$c->res->headers->www_authenticate('Basic')` and 401 "Authentication required!";
# - `under` (Mojolicious::Guides::Tutorial, "Under") guarding /api with an X-Api-Key header and the account pages
#   with the session (a redirect to the login page), a 403 for a role;
# - production mode: Mojolicious's own "Page Not Found" / "Server Error" pages.
use Mojolicious::Lite -signatures;

app->secrets(['lab-mojolicious-secret']);
app->mode('production');
my %USERS = (lab => 'labpass', root => 'rootpass');

get '/' => {text => 'lab'};

get '/form' => sub ($c) {
  $c->render(inline => '<!doctype html><form method="post" action="/comment"><%= csrf_field %>'
      . '<input name="text"><button>Post</button></form>');
};

post '/comment' => sub ($c) {
  my $v = $c->validation;
  return $c->render(text => 'Bad CSRF token!', status => 403) if $v->csrf_protect->has_error('csrf_token');
  $c->render(text => 'posted: ' . ($c->param('text') // ''));
};

get '/admin' => sub ($c) {
  my ($user, $pass) = split /:/, ($c->req->url->to_abs->userinfo // ''), 2;
  if (defined $user && defined $USERS{$user} && $USERS{$user} eq ($pass // '')) {
    return $c->render(json => {error => 'Admin role required'}, status => 403) if $user ne 'root';
    return $c->render(text => "Hello $user!");
  }
  $c->res->headers->www_authenticate('Basic');
  $c->render(text => 'Authentication required!', status => 401);
};

get '/login' => sub ($c) {
  $c->render(inline => '<!doctype html><form method="post" action="/login">'
      . '<input name="username"><input name="password" type="password">'
      . '<input type="hidden" name="return_to" value="<%= param("return_to") // "/account" %>"><button>Sign in</button></form>');
};

post '/login' => sub ($c) {
  my $user = $c->param('username') // '';
  return $c->render(text => 'Wrong user name or password', status => 200)
    unless defined $USERS{$user} && $USERS{$user} eq ($c->param('password') // '');
  $c->session(user => $user);
  $c->redirect_to($c->param('return_to') || '/account');
};

post '/api/signup' => sub ($c) {
  my $body = $c->req->json // {};
  return $c->render(json => {errors => {password => 'Value needs to be at least 8 characters long'}}, status => 400)
    if length($body->{password} // '') < 8;
  $c->render(json => {ok => \1}, status => 201);
};

get '/api/boom' => sub ($c) { die "lab: an unhandled error\n" };

get '/help/errors' => sub ($c) {
  $c->render(json => {title => '403 Forbidden explained', body => 'A 403 means the server refused the request.'});
};

group {
  under '/api' => sub ($c) {
    my $key = $c->req->headers->header('X-Api-Key');
    return 1 if defined $key && $key eq 'lab-key-7f3a';
    $c->render(json => {error => defined $key ? 'Invalid API key' : 'API key required'}, status => defined $key ? 403 : 401);
    return undef;
  };
  get '/orders' => {json => {orders => []}};
};

group {
  under '/account' => sub ($c) {
    return 1 if $c->session('user');
    $c->redirect_to($c->url_for('/login')->query(return_to => $c->req->url->path->to_string));
    return undef;
  };
  get '/' => sub ($c) { $c->render(text => 'account of ' . $c->session('user')) };
};

app->start;
